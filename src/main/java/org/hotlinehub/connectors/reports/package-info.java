/**
 * Reports for supervisors: CSV exports of tickets and rates ({@code /api/v1/reports/…csv}, UTF-8 with a BOM so Excel
 * reads Chinese), the printable monthly report per community and the charts page ({@code /console/reports/…}, Qute,
 * chart.js from its webjar). Self-contained pages with their own small layout; Basic auth, role supervisor or admin.
 */
package org.hotlinehub.connectors.reports;
