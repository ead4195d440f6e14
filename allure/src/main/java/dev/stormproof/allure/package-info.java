/**
 * Allure reporting: add {@code stormproof-allure} to the test class path and steps, attachments
 * and labels go to Allure's results through {@link dev.stormproof.allure.AllureReportSink}, found
 * by {@link java.util.ServiceLoader}. Nothing to call; no AspectJ agent needed.
 */
package dev.stormproof.allure;
