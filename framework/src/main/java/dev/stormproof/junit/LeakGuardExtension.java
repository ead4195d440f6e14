package dev.stormproof.junit;

import dev.stormproof.leak.LeakGuardSession;
import dev.stormproof.leak.LeakOptions;
import dev.stormproof.leak.Ledger;
import dev.stormproof.leak.TrackingPointerScope;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Drives {@link LeakGuardSession} for {@link LeakGuard}. The ordering problem (measure after
 * every other extension released its resources) is solved with the store: the per-test
 * {@link LeakMeasurement} is put into the test-method store as early as possible (the
 * test-instance pre-construct callback, scoped to the test method; {@code beforeEach} as the
 * fallback for per-class lifecycle), and it judges in its {@code close()}. JUnit closes a
 * context's store values after every {@code afterEach} callback and
 * {@code TestInstancePreDestroyCallback}, in reverse insertion order, so ours is closed last.
 */
final class LeakGuardExtension
    implements TestInstancePreConstructCallback, BeforeEachCallback, InvocationInterceptor {

  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakGuardExtension.class);

  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext root) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext ctx) {
    if (ctx.getTestMethod().isPresent()) {
      measurement(ctx);
    }
  }

  @Override
  public void beforeEach(ExtensionContext ctx) {
    measurement(ctx);
  }

  private LeakMeasurement measurement(ExtensionContext ctx) {
    return ctx.getStore(NAMESPACE).getOrComputeIfAbsent(LeakMeasurement.class,
        k -> new LeakMeasurement(ctx, session(ctx)), LeakMeasurement.class);
  }

  /** One session per annotated element, kept in the class context so iterations share it. */
  private static LeakGuardSession session(ExtensionContext ctx) {
    Method method = ctx.getRequiredTestMethod();
    Optional<LeakGuard> onMethod = AnnotationSupport.findAnnotation(method, LeakGuard.class);
    AnnotatedElement element = onMethod.isPresent() ? method : ctx.getRequiredTestClass();
    LeakGuard guard = onMethod.orElseGet(() -> AnnotationSupport
        .findAnnotation(ctx.getRequiredTestClass(), LeakGuard.class).orElse(null));
    String name = onMethod.isPresent()
        ? ctx.getRequiredTestClass().getSimpleName() + "." + method.getName() + "()"
        : ctx.getRequiredTestClass().getSimpleName();
    ExtensionContext owner = classContext(ctx);
    SessionHolder holder = owner.getStore(NAMESPACE).getOrComputeIfAbsent(List.of("session", element),
        k -> new SessionHolder(new LeakGuardSession(name, options(ctx, guard, name),
            StormproofLedger.of(ctx), parallel(ctx))), SessionHolder.class);
    return holder.session;
  }

  private static ExtensionContext classContext(ExtensionContext ctx) {
    ExtensionContext c = ctx;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** Tests may run at the same time (JUnit's own switch; a guarded class itself runs serially). */
  private static boolean parallel(ExtensionContext ctx) {
    return ctx.getConfigurationParameter("junit.jupiter.execution.parallel.enabled")
        .map(v -> v.trim().equalsIgnoreCase("true")).orElse(false);
  }

  static LeakOptions options(ExtensionContext ctx, LeakGuard guard, String element) {
    LeakOptions o;
    try {
      o = LeakOptions.fromConfig(ctx::getConfigurationParameter);
    } catch (IllegalArgumentException e) {
      throw misuse(element, e.getMessage());
    }
    if (guard == null) {
      return o;
    }
    if (guard.warmup() != LeakGuard.UNSET) {
      check(element, "warmup", guard.warmup(), "stormproof.leak.warmup",
          LeakOptions.DEFAULT_WARMUP);
      o = o.withWarmup(guard.warmup());
    }
    if (guard.nativeMiBTolerance() != LeakGuard.UNSET) {
      check(element, "nativeMiBTolerance", guard.nativeMiBTolerance(),
          "stormproof.leak.nativeBytesTolerance", LeakOptions.DEFAULT_NATIVE_BYTES_TOLERANCE);
      o = o.withNativeBytesTolerance(guard.nativeMiBTolerance() * 1024L * 1024L);
    }
    if (guard.javacppTolerance() != LeakGuard.UNSET) {
      check(element, "javacppTolerance", guard.javacppTolerance(),
          "stormproof.leak.javacppTolerance", LeakOptions.DEFAULT_JAVACPP_TOLERANCE);
      o = o.withJavacppTolerance(guard.javacppTolerance());
    }
    if (guard.threadTolerance() != LeakGuard.UNSET) {
      check(element, "threadTolerance", guard.threadTolerance(),
          "stormproof.leak.threadTolerance", LeakOptions.DEFAULT_THREAD_TOLERANCE);
      o = o.withThreadTolerance(guard.threadTolerance());
    }
    if (guard.settleMs() != LeakGuard.UNSET) {
      check(element, "settleMs", guard.settleMs(), "stormproof.leak.settleMs",
          LeakOptions.DEFAULT_SETTLE_MS);
      o = o.withSettle(Duration.ofMillis(guard.settleMs()));
    }
    if (guard.strict()) {
      o = o.withStrict(true);
    }
    try {
      return o.withIgnoredThreads(List.of(guard.ignoreThreads()));
    } catch (IllegalArgumentException e) {
      throw misuse(element, e.getMessage());
    }
  }

  private static void check(String element, String attribute, int value, String key, long dflt) {
    if (value < 0) {
      throw misuse(element, attribute + " must be 0 or more, was " + value + "; set " + attribute
          + " = 0 or more, or leave it out to use " + key + " (default " + dflt + ")");
    }
  }

  private static ExtensionConfigurationException misuse(String element, String detail) {
    return new ExtensionConfigurationException("@LeakGuard on [" + element + "]: " + detail);
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call, ExtensionContext ctx) throws Throwable {
    watched(invocation, ctx);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call, ExtensionContext ctx) throws Throwable {
    watched(invocation, ctx);
  }

  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call, ExtensionContext ctx) throws Throwable {
    watched(invocation, ctx);
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call, ExtensionContext ctx) throws Throwable {
    watched(invocation, ctx);
  }

  /** Runs a user method with a watching pointer scope on this (the test's) thread. */
  private static void watched(Invocation<Void> invocation, ExtensionContext ctx)
      throws Throwable {
    LeakMeasurement m = ctx.getStore(NAMESPACE).get(LeakMeasurement.class, LeakMeasurement.class);
    Ledger ledger = StormproofLedger.of(ctx);
    boolean sites = m == null || m.sites();
    try (TrackingPointerScope scope = new TrackingPointerScope(ledger, ctx.getUniqueId(), sites)) {
      invocation.proceed();
    }
  }

  /** Closes the session (and a running JFR recording) when the class is done. */
  static final class SessionHolder implements AutoCloseable {
    final LeakGuardSession session;

    SessionHolder(LeakGuardSession session) {
      this.session = session;
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
