package io.vitrine.shared;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Maps the {@link DemoOnly} controllers only in demo mode, as decided at start from {@code vitrine.demo}. With demo
 * mode off they are still beans, but none of their paths is mapped: a request for one is answered as any unknown
 * path is.
 */
@Configuration(proxyBeanMethods = false)
class DemoOnlyControllers {

    @Bean
    WebMvcRegistrations demoOnlyMappings(VitrineProperties properties) {
        boolean demo = properties.demo();
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {
                    @Override
                    protected boolean isHandler(Class<?> beanType) {
                        return super.isHandler(beanType)
                                && (demo || !AnnotatedElementUtils.hasAnnotation(beanType, DemoOnly.class));
                    }
                };
            }
        };
    }
}
