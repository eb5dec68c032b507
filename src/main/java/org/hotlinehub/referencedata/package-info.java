/**
 * Reference data (places, catalog, partners, volunteers, residents) from YAML files in the format of docs/contract.md,
 * "Reference-data file": parsed strictly, validated whole, then upserted by code in one transaction per file.
 */
package org.hotlinehub.referencedata;
