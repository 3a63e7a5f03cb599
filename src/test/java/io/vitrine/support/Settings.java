package io.vitrine.support;

import jakarta.validation.Validation;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Binds a settings record from given keys, with defaults and Bean Validation, as the application does. */
public final class Settings {

    private Settings() {
    }

    public static <T> T bind(String prefix, Class<T> type, Map<String, String> keys) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        return new Binder(new MapConfigurationPropertySource(keys))
                .bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
    }
}
