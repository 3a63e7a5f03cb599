package io.vitrine.shopper.internal;

import io.vitrine.shared.DomainException;
import io.vitrine.shopper.AuthenticatedShopper;
import io.vitrine.shopper.Shopper;
import io.vitrine.shopper.ShopperApi;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link AuthenticatedShopper} parameters from the bearer token. */
@Configuration(proxyBeanMethods = false)
class ShopperArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ShopperApi shoppers;

    ShopperArgumentResolver(ShopperApi shoppers) {
        this.shoppers = shoppers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(AuthenticatedShopper.class) && parameter.getParameterType() == Shopper.class;
    }

    @Override
    public Shopper resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!parameter.getParameterAnnotation(AuthenticatedShopper.class).required()) {
            return header == null || !header.startsWith("Bearer ") ? null
                    : shoppers.authenticate(header.substring(7).strip()).orElse(null);
        }
        if (header == null || !header.startsWith("Bearer ")) {
            throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated",
                    "Send the shopper token as 'Authorization: Bearer <token>'.");
        }
        return shoppers.authenticate(header.substring(7).strip()).orElseThrow(() -> new DomainException(
                DomainException.Kind.UNAUTHENTICATED, "unauthenticated", "This shopper token is not known."));
    }
}
