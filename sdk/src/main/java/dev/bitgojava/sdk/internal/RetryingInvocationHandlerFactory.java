package dev.bitgojava.sdk.internal;

import feign.InvocationHandlerFactory;
import feign.RequestLine;
import feign.Target;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Puts the {@link CallExecutor} around every abstract method of a Feign proxy: each attempt re-runs Feign's whole
 * request pipeline (template, encoder, signing), so every retry is signed afresh.
 */
public final class RetryingInvocationHandlerFactory implements InvocationHandlerFactory {

    private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();
    private final CallExecutor executor;

    /** A factory wrapping calls in {@code executor}. */
    public RetryingInvocationHandlerFactory(CallExecutor executor) {
        this.executor = executor;
    }

    private record Info(String operation, String httpMethod) {
    }

    @Override
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler inner = delegate.create(target, dispatch);
        Map<Method, Info> infos = new HashMap<>();
        for (Method m : dispatch.keySet()) {
            RequestLine line = m.getAnnotation(RequestLine.class);
            if (line != null && !m.isDefault()) {
                String verb = line.value().trim().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                infos.put(m, new Info(target.type().getSimpleName() + "#" + m.getName(), verb));
            }
        }
        return (proxy, method, args) -> {
            Info info = infos.get(method);
            if (info == null) {
                return inner.invoke(proxy, method, args);
            }
            return executor.execute(info.operation(), info.httpMethod(), () -> inner.invoke(proxy, method, args));
        };
    }
}
