package org.anomalia.flavour.parameters;

import org.anomalia.flavour.ParameterPoint;

/**
 * A point ν in parameter space: one value per catalog parameter, stored by index. Lookup by name
 * is a hash-map access (unknown names are a user error listing the valid ones); hot loops can ask
 * the catalog for an index once and use {@link #get(int)}. Immutable.
 */
public final class ParameterValues implements ParameterPoint {
    private final ParameterCatalog catalog;
    private final double[] values;

    ParameterValues(ParameterCatalog catalog, double[] values) {
        this.catalog = catalog;
        this.values = values;
    }

    @Override
    public double get(String name) {
        return values[catalog.index(name)];
    }

    public double get(int index) {
        return values[index];
    }

    public ParameterCatalog catalog() {
        return catalog;
    }

    public int size() {
        return values.length;
    }

    /** A copy with one value replaced. */
    public ParameterValues with(String name, double value) {
        double[] v = values.clone();
        v[catalog.index(name)] = value;
        return new ParameterValues(catalog, v);
    }

    /** A copy of the values in catalog order. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(catalog.info(i).name()).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
