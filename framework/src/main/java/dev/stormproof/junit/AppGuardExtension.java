package dev.stormproof.junit;

import dev.stormproof.app.AppCounter;
import dev.stormproof.app.AppGuardOptions;
import dev.stormproof.app.AppGuardSession;
import dev.stormproof.app.AppProbe;
import dev.stormproof.app.AppVerdict;
import dev.stormproof.report.ReportSinks;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Drives {@link AppGuardSession} for {@link AppGuard}: it wraps the test method (so the device
 * {@code @OnDevice} leased is there on both sides, whatever the order of the extensions) and
 * reads the app right before and right after it. One session per annotated element and device,
 * kept in the class context's store.
 */
final class AppGuardExtension implements InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AppGuardExtension.class);

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call, ExtensionContext ctx) throws Throwable {
    guarded(invocation, ctx);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> call, ExtensionContext ctx) throws Throwable {
    guarded(invocation, ctx);
  }

  private static void guarded(Invocation<Void> invocation, ExtensionContext ctx) throws Throwable {
    AppGuardSession session = session(ctx);
    String label = ctx.getRequiredTestMethod().getName() + " " + ctx.getDisplayName();
    session.iterationStarted(label);
    Throwable failure = null;
    try {
      invocation.proceed();
    } catch (Throwable t) {
      failure = t;
    }
    AppVerdict verdict;
    try {
      verdict = session.iterationFinished(label, failure != null);
    } catch (RuntimeException e) {
      if (failure != null) {
        e.addSuppressed(failure); // a device lost while reading must not hide the test's failure
      }
      throw e;
    }
    ReportSinks reports = OnDeviceExtension.runtime(ctx).reports();
    reports.event("app guard, iteration " + verdict.iteration() + ": "
        + verdict.outcome().name().toLowerCase(java.util.Locale.ROOT));
    if (verdict.failed()) {
      attach(reports, session, verdict);
      AssertionError alarm = new AssertionError(verdict.report().text());
      if (verdict.outcome() == AppVerdict.Outcome.CRASHED || failure == null) {
        if (failure != null) {
          alarm.addSuppressed(failure);
        }
        throw alarm;
      }
      failure.addSuppressed(alarm);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void attach(ReportSinks reports, AppGuardSession session, AppVerdict verdict) {
    reports.attach("app guard report", "text/plain", "txt",
        verdict.report().text().getBytes(StandardCharsets.UTF_8));
    reports.attach("app counters per iteration", "text/csv", "csv", session.series().toCsvBytes());
    reports.attach("app chart", "image/png", "png", session.series().chartPng("App "
        + session.options().packageName() + " per iteration: " + session.name() + " ("
        + verdict.outcome().name().toLowerCase(java.util.Locale.ROOT) + " in iteration "
        + verdict.iteration() + ")"));
  }

  private static AppGuardSession session(ExtensionContext ctx) {
    Method method = ctx.getRequiredTestMethod();
    Optional<AppGuard> onMethod = AnnotationSupport.findAnnotation(method, AppGuard.class);
    AnnotatedElement element = onMethod.isPresent() ? method : ctx.getRequiredTestClass();
    AppGuard guard = onMethod.orElseGet(() -> onClass(ctx.getRequiredTestClass()));
    String name = onMethod.isPresent()
        ? ctx.getRequiredTestClass().getSimpleName() + "." + method.getName() + "()"
        : ctx.getRequiredTestClass().getSimpleName();
    if (!OnDeviceExtension.activeFor(ctx)) {
      throw misuse(name, "no device is leased for this test; add @OnDevice to the class or the "
          + "method (the app guard reads the app through the test's device)");
    }
    AppGuardOptions options = options(ctx, guard, name);
    TestDevice device = OnDeviceExtension.testDevice(ctx);
    ExtensionContext owner = ctx;
    while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
      owner = owner.getParent().get();
    }
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(
        List.of("session", element, device.unreported().serial()),
        k -> new AppGuardSession(name, options, new AppProbe(device.unreported(),
            options.packageName())), AppGuardSession.class);
  }

  /** The class's annotation, else an enclosing class's (a {@code @Nested} test inherits it). */
  private static AppGuard onClass(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      Optional<AppGuard> found = AnnotationSupport.findAnnotation(c, AppGuard.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new IllegalStateException("@AppGuard is neither on " + type.getName()
        + " nor on a class enclosing it, yet its extension runs; register it with @AppGuard");
  }

  static AppGuardOptions options(ExtensionContext ctx, AppGuard guard, String element) {
    AppGuardOptions o;
    try {
      o = AppGuardOptions.fromConfig(ctx::getConfigurationParameter);
      if (!guard.value().isEmpty()) {
        AppProbe.checkPackage(guard.value(), "@AppGuard value");
        o = o.withPackageName(guard.value());
      }
    } catch (IllegalArgumentException e) {
      throw misuse(element, e.getMessage());
    }
    if (o.packageName().isEmpty()) {
      throw misuse(element, "no app package is named; write @AppGuard(\"com.example.game\") or "
          + "set stormproof.app.package=com.example.game");
    }
    if (guard.warmup() != AppGuard.UNSET) {
      o = o.withWarmup(check(element, "warmup", guard.warmup(), "stormproof.app.warmup", AppGuardOptions.DEFAULTS.warmup()));
    }
    o = tolerance(o, element, "pssMiBTolerance", guard.pssMiBTolerance(), AppCounter.TOTAL_PSS, true);
    o = tolerance(o, element, "nativeHeapMiBTolerance", guard.nativeHeapMiBTolerance(),
        AppCounter.NATIVE_HEAP, true);
    o = tolerance(o, element, "threadTolerance", guard.threadTolerance(), AppCounter.THREADS, false);
    o = tolerance(o, element, "fdTolerance", guard.fdTolerance(), AppCounter.FDS, false);
    o = tolerance(o, element, "jankPercentTolerance", guard.jankPercentTolerance(),
        AppCounter.JANK_PERCENT, false);
    if (guard.settleMs() != AppGuard.UNSET) {
      o = o.withSettle(Duration.ofMillis(check(element, "settleMs", guard.settleMs(),
          "stormproof.app.settleMs", AppGuardOptions.DEFAULTS.settle().toMillis())));
    }
    return o;
  }

  private static AppGuardOptions tolerance(AppGuardOptions o, String element, String attribute,
      int value, AppCounter counter, boolean mib) {
    if (value == AppGuard.UNSET) {
      return o;
    }
    long dflt = AppGuardOptions.DEFAULTS.tolerances().get(counter);
    check(element, attribute, value, "stormproof.app." + AppGuardOptions.key(counter),
        mib ? dflt / (1024 * 1024) : dflt);
    return o.withTolerance(counter, mib ? value * 1024L * 1024L : value);
  }

  private static int check(String element, String attribute, int value, String key, long dflt) {
    if (value < 0) {
      throw misuse(element, attribute + " must be 0 or more, was " + value + "; set " + attribute
          + " = 0 or more, or leave it out to use " + key + " (default " + dflt + ")");
    }
    return value;
  }

  private static ExtensionConfigurationException misuse(String element, String detail) {
    return new ExtensionConfigurationException("@AppGuard on [" + element + "]: " + detail);
  }
}
