/**
 * Structured concurrency bound to a test: {@link dev.stormproof.tasks.TaskScope} (fork, join,
 * deadline; first failure cancels the siblings; close joins or cancels every task and names the
 * ones that will not stop), its {@link dev.stormproof.tasks.Task} handles, and
 * {@link dev.stormproof.tasks.StormproofThreadFactory} for threads that other code starts on a
 * test's behalf. Every task and thread is named, bound to its owner and tracked in the
 * {@link dev.stormproof.leak.Ledger} with its creation site. No JUnit types.
 */
package dev.stormproof.tasks;
