package org.hotlinehub.testsupport;

import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * Stand-ins for the few framework interfaces a plain unit test meets (configuration mappings, the entity manager),
 * written out here instead of taken from a mocking library.
 */
public final class Fakes {

    private Fakes() {
    }

    /** An implementation of {@code type} that answers each method by its name from {@code answers}; others fail. */
    public static <T> T of(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException("fake " + type.getSimpleName() + "." + method.getName());
            }
            return answers.get(method.getName());
        }));
    }

    /**
     * An entity manager whose only skill is {@code getReference}: a new, unloaded entity with just its id set (as
     * Hibernate's lazy reference is, for the code under test).
     */
    public static EntityManager references() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[]{EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getReference")) {
                        throw new UnsupportedOperationException("fake EntityManager." + method.getName());
                    }
                    Object entity = ((Class<?>) args[0]).getDeclaredConstructor().newInstance();
                    entity.getClass().getField("id").set(entity, args[1]);
                    return entity;
                });
    }
}
