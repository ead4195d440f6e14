/**
 * The reporting SPI. Core packages report through {@link dev.stormproof.report.ReportSink};
 * no Allure (or other report library) type appears here.
 */
package dev.stormproof.report;
