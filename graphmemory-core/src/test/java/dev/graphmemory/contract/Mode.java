package dev.graphmemory.contract;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.MemorySession;
import dev.graphmemory.MemoryTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The execution modes the contract runs through. Each turns a {@link GraphMemory} into {@link MemoryOperations} whose
 * every call goes through that mode: its own transaction, a shared session, a transaction callback, an explicit
 * transaction committed after the call, or the asynchronous API awaited.
 */
public enum Mode {
    ALONE {
        @Override
        Bound bind(GraphMemory memory) {
            return new Bound(memory, () -> {});
        }
    },
    SESSION {
        @Override
        Bound bind(GraphMemory memory) {
            MemorySession session = memory.openSession();
            return new Bound(session, session::close);
        }
    },
    CALLBACK {
        @Override
        Bound bind(GraphMemory memory) {
            return new Bound(
                    proxy(memory, (method, args) -> memory.inTransaction(tx -> invoke(method, tx, args))), () -> {});
        }
    },
    EXPLICIT {
        @Override
        Bound bind(GraphMemory memory) {
            return new Bound(
                    proxy(memory, (method, args) -> {
                        try (MemoryTransaction tx = memory.beginTransaction()) {
                            Object result = invoke(method, tx, args);
                            tx.commit();
                            return result;
                        }
                    }),
                    () -> {});
        }
    },
    ASYNC {
        @Override
        Bound bind(GraphMemory memory) {
            return new Bound(
                    proxy(memory, (method, args) -> {
                        Method async = dev.graphmemory.AsyncMemoryOperations.class.getMethod(
                                method.getName(), method.getParameterTypes());
                        CompletionStage<?> stage = (CompletionStage<?>) invoke(async, memory.async(), args);
                        try {
                            return stage.toCompletableFuture().join();
                        } catch (CompletionException e) {
                            throw e.getCause();
                        }
                    }),
                    () -> {});
        }
    };

    /** OperationTable bound to a mode, and how to release them. */
    public record Bound(MemoryOperations operations, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    abstract Bound bind(GraphMemory memory);

    @FunctionalInterface
    private interface Call {
        Object apply(Method method, Object[] args) throws Throwable;
    }

    private static MemoryOperations proxy(GraphMemory memory, Call call) {
        return (MemoryOperations) Proxy.newProxyInstance(
                Mode.class.getClassLoader(), new Class<?>[] {MemoryOperations.class}, (self, method, args) -> {
                    if (method.getName().equals("namespace")) {
                        return memory.namespace();
                    }
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(self, method, args);
                    }
                    return call.apply(method, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
