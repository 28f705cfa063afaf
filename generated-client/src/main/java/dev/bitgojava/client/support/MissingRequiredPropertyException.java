package dev.bitgojava.client.support;

import java.util.List;

/** A decoded model lacks properties the spec marks as required. */
public class MissingRequiredPropertyException extends RuntimeException {

    private final transient List<String> properties;

    /** Creates the exception for {@code model}'s missing JSON {@code properties}. */
    public MissingRequiredPropertyException(Class<?> model, List<String> properties) {
        super(model.getSimpleName() + " is missing required propert" + (properties.size() == 1 ? "y " : "ies ")
                + String.join(", ", properties));
        this.properties = List.copyOf(properties);
    }

    /** The JSON names of the missing properties. */
    public List<String> properties() {
        return properties;
    }
}
