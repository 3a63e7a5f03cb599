package io.vitrine.shared;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One invalid field of a request, as clients receive it: a specific code they translate (with the limit, when
 * there is one) and an English sentence written for people, for clients without a translation.
 */
record FieldProblem(String field, String code, @Nullable Long min, @Nullable Long max, String message) {

    /** Names the broken constraint by the annotation behind it; a violation that cannot be read stays "invalid". */
    static FieldProblem of(String field, @Nullable ConstraintViolation<?> violation) {
        if (violation == null) {
            return new FieldProblem(field, "invalid", null, null, "Please check this field.");
        }
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        Long min = number(attributes.get("min"));
        Long max = number(attributes.get("max"));
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> new FieldProblem(field, "required", null, null, "Please fill in this field.");
            case "Size" -> size(field, violation.getInvalidValue(), min, max);
            case "Email" -> new FieldProblem(field, "email", null, null, "Please enter an email address like name@example.com.");
            case "Min", "Max" -> new FieldProblem(field, "out_of_range", min, max, "Please choose a value in the allowed range.");
            default -> new FieldProblem(field, "format", null, null, "Please check the format of this field.");
        };
    }

    private static FieldProblem size(String field, @Nullable Object value, @Nullable Long min, @Nullable Long max) {
        int length = value instanceof CharSequence text ? text.length() : value instanceof java.util.Collection<?> c ? c.size() : 0;
        if (max != null && length > max) {
            return new FieldProblem(field, "too_long", min, max, "Please use at most " + max + " characters.");
        }
        return new FieldProblem(field, "too_short", min, max, "Please use at least " + min + " characters.");
    }

    private static @Nullable Long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        json.put("code", code);
        if (min != null && min > 0) {
            json.put("min", min);
        }
        if (max != null && max < Integer.MAX_VALUE) {
            json.put("max", max);
        }
        json.put("message", message);
        return json;
    }
}
