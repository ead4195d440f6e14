package dev.stormproof.tasks;

/**
 * Tasks ignored cancellation: they were still alive when {@link TaskScope#close()} gave up
 * waiting. They are not silently abandoned: the message names each with its fork site, state and
 * current stack, and they stay in the ledger as live tasks so the leak guard reports them too.
 */
public class TasksStuckException extends TaskScopeException {
  private static final long serialVersionUID = 1L;

  TasksStuckException(String message) {
    super(message, null);
  }
}
