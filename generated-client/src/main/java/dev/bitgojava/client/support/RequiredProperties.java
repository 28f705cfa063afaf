package dev.bitgojava.client.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Checks a decoded generated model for the properties its spec marks as required.
 *
 * <p>Generated models mark required properties with {@code @JsonProperty(required = true)} on their getters, which
 * Jackson does not enforce for setter-based models; decoding therefore succeeds with nulls. Call {@link #check} on a
 * decoded model to turn that into a clear error. The check is shallow (the model itself, not nested models).
 */
public final class RequiredProperties {

    private static final ConcurrentMap<Class<?>, List<Getter>> GETTERS = new ConcurrentHashMap<>();

    private record Getter(String json, Method method) { }

    private RequiredProperties() {
    }

    /**
     * Returns {@code model} if every required property is present.
     *
     * @throws MissingRequiredPropertyException naming every missing property
     */
    public static <T> T check(T model) {
        List<String> missing = new ArrayList<>();
        for (Getter getter : GETTERS.computeIfAbsent(model.getClass(), RequiredProperties::requiredGetters)) {
            try {
                if (getter.method().invoke(model) == null) {
                    missing.add(getter.json());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + getter.json() + " of " + model.getClass(), e);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingRequiredPropertyException(model.getClass(), missing);
        }
        return model;
    }

    private static List<Getter> requiredGetters(Class<?> type) {
        List<Getter> getters = new ArrayList<>();
        for (Method method : type.getMethods()) {
            JsonProperty property = method.getAnnotation(JsonProperty.class);
            if (property != null && property.required() && method.getParameterCount() == 0) {
                getters.add(new Getter(property.value(), method));
            }
        }
        getters.sort((a, b) -> a.json().compareTo(b.json()));
        return List.copyOf(getters);
    }
}
