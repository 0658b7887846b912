package org.anomalia.gof.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Pretty JSON of maps and lists, non-finite numbers written as null (JSON has no NaN). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(finite(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object finite(Object o) {
        if (o instanceof Double d) return Double.isFinite(d) ? d : null;
        if (o instanceof double[] a) {
            java.util.List<Object> l = new java.util.ArrayList<>();
            for (double v : a) l.add(Double.isFinite(v) ? v : null);
            return l;
        }
        if (o instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), finite(e.getValue()));
            return out;
        }
        if (o instanceof java.util.List<?> l) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (Object v : l) out.add(finite(v));
            return out;
        }
        return o;
    }
}
