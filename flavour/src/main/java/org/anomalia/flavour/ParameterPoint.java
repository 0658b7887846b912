package org.anomalia.flavour;

/** Values of the theory parameters ν, looked up by flavio's names (for example {@code "m_b"}, {@code "B->K* BSZ a1_V"}). */
@FunctionalInterface
public interface ParameterPoint {
    double get(String name);
}
