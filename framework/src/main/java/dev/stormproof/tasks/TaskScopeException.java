package dev.stormproof.tasks;

/** Base of the failures a {@link TaskScope} reports from {@code join} and {@code close}. */
public class TaskScopeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TaskScopeException(String message, Throwable cause) {
    super(message, cause);
  }
}
