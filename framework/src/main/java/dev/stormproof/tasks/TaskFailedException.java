package dev.stormproof.tasks;

/**
 * A task of a {@link TaskScope} threw. The message names the task and its fork site, the
 * {@linkplain #getCause() cause} is the task's own exception, and the <em>stack trace of this
 * exception is the fork site</em> (where {@code fork} was called), so a test report shows both
 * where the task was started and where it failed. Further failures of sibling tasks are
 * attached as {@linkplain #getSuppressed() suppressed} exceptions: none is lost.
 */
public class TaskFailedException extends TaskScopeException {
  private static final long serialVersionUID = 1L;

  /** The failed task's number. */
  private final int task;

  TaskFailedException(int task, String message, Throwable cause,
      StackTraceElement[] forkSite) {
    super(message, cause);
    this.task = task;
    setStackTrace(forkSite);
  }

  /** @return the number of the failed task in its scope (1-based, in fork order) */
  public int task() {
    return task;
  }
}
