package dev.conduit.agent.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads where the JVM has them (21+), found by reflection because Conduit compiles for 17.
 * Not public API.
 */
public final class VirtualThreads {
  private static final Optional<ThreadFactory> FACTORY = findFactory();
  private static final MethodHandle IS_VIRTUAL = findIsVirtual();

  private VirtualThreads() {}

  public static boolean available() {
    return FACTORY.isPresent();
  }

  /** Whether {@code thread} is a virtual thread; always false before JDK 21. */
  public static boolean isVirtual(Thread thread) {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable e) {
      return false;
    }
  }

  /** A new executor that starts a virtual thread per task, or empty before JDK 21. */
  public static Optional<ExecutorService> newPerTaskExecutor() {
    return FACTORY.map(factory -> {
      try {
        return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
            .invoke(null, factory);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("virtual threads are available but their executor is not", e);
      }
    });
  }

  private static Optional<ThreadFactory> findFactory() {
    try {
      // Looked up on the public interface: the builder's own class is internal to java.base.
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "conduit-virtual-", 1L);
      return Optional.of((ThreadFactory) builderType.getMethod("factory").invoke(builder));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty(); // JDK 17-20
    }
  }

  private static MethodHandle findIsVirtual() {
    try {
      return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
