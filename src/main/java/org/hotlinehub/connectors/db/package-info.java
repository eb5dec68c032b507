/**
 * PostgreSQL as an outside system: the embedded server of the default run and of the tests.
 */
package org.hotlinehub.connectors.db;
