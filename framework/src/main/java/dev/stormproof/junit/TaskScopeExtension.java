package dev.stormproof.junit;

import dev.stormproof.tasks.StormproofThreadFactory;
import dev.stormproof.tasks.TaskScope;
import dev.stormproof.tasks.TaskScopeOptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Resolves a {@link TaskScope} parameter: one scope per test, owned by the test's unique id,
 * its threads named after the test ({@code stormproof-task-<method>[#n]-<k>}), tracked in the
 * run's ledger. The scope is closed in {@code afterEach}, so a task failure (or a task that
 * ignores cancellation) fails the test, and the leak guard, which measures later, sees only what
 * truly outlived it. Also resolves a {@link StormproofThreadFactory} (threads named
 * {@code stormproof-<method>-<n>}, creation sites in the run's ledger) for code that needs a
 * {@code ThreadFactory}. Registered by {@link LeakGuard} and by {@code @OnDevice}.
 *
 * <p>Failure cancels at once: when the test body throws, or a task fails, the scope's tasks are
 * cancelled and interrupted and the test's queued taps dropped (later taps from its tasks are
 * refused; the test thread's own clean-up may still tap), instead of letting them run until the
 * close timeout.
 */
final class TaskScopeExtension implements ParameterResolver, AfterEachCallback,
    TestExecutionExceptionHandler {

  static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TaskScopeExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext param, ExtensionContext ctx) {
    Class<?> type = param.getParameter().getType();
    return type == TaskScope.class || type == StormproofThreadFactory.class;
  }

  @Override
  public Object resolveParameter(ParameterContext param, ExtensionContext ctx) {
    String type = param.getParameter().getType().getSimpleName();
    if (ctx.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(type + " on [" + param.getDeclaringExecutable()
          + "]: a " + type + " belongs to one test, but this is not a test method; "
          + "declare the " + type + " parameter on the @Test method");
    }
    if (param.getParameter().getType() == StormproofThreadFactory.class) {
      return new StormproofThreadFactory("stormproof-" + ctx.getRequiredTestMethod().getName(),
          StormproofLedger.of(ctx));
    }
    return ctx.getStore(NAMESPACE).getOrComputeIfAbsent(ScopeHolder.class,
        k -> new ScopeHolder(open(ctx)), ScopeHolder.class).scope;
  }

  private static TaskScope open(ExtensionContext ctx) {
    TaskScopeOptions options;
    try {
      options = TaskScopeOptions.fromConfig(ctx::getConfigurationParameter);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("TaskScope on ["
          + ctx.getRequiredTestMethod().getName() + "]: " + e.getMessage(), e);
    }
    String uid = ctx.getUniqueId();
    String name = ctx.getRequiredTestMethod().getName();
    int hash = uid.lastIndexOf("#");
    if (hash >= 0 && uid.endsWith("]")) {
      name += "#" + uid.substring(hash + 1, uid.length() - 1);
    }
    Thread testThread = Thread.currentThread();
    return TaskScope.open(name, uid, StormproofLedger.of(ctx), options)
        .onCancel(() -> OnDeviceExtension.cancelTaps(ctx, testThread));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext ctx, Throwable failure)
      throws Throwable {
    ScopeHolder holder = ctx.getStore(NAMESPACE).get(ScopeHolder.class, ScopeHolder.class);
    if (holder != null) {
      holder.scope.cancel(); // its hook cancels the taps
    } else {
      OnDeviceExtension.cancelTaps(ctx, Thread.currentThread());
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext ctx) {
    closeScope(ctx);
  }

  /** Closes the test's scope now (idempotent); {@code @OnDevice} calls it before closing the Vision. */
  static void closeScope(ExtensionContext ctx) {
    ScopeHolder holder = ctx.getStore(NAMESPACE).remove(ScopeHolder.class, ScopeHolder.class);
    if (holder != null) {
      holder.close();
    }
  }

  /** Closes the scope if afterEach did not run (the store closes it then). */
  static final class ScopeHolder implements AutoCloseable {
    final TaskScope scope;

    ScopeHolder(TaskScope scope) {
      this.scope = scope;
    }

    @Override
    public void close() {
      scope.close();
    }
  }
}
