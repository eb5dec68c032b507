/**
 * Operations metrics that are database figures: gauges on {@code /q/metrics} read from a snapshot refreshed in the
 * background, so a scrape never queries the database. Depends on store, model and config. The counters and timers
 * live where their rule does (intake, dispatch, deadletter); docs/operations.md lists them all.
 */
package org.hotlinehub.metrics;
