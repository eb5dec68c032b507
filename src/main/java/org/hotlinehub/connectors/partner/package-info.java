/**
 * Partners' own systems: the signed webhook the hub posts offers to, and the partner API they answer through.
 */
package org.hotlinehub.connectors.partner;
