/**
 * The WeChat Official Account (公众号) channel: the signed push endpoint {@code /wechat} (plaintext, compatible and safe
 * modes, hardened XML), the conversation with followers, and outbound customer-service and template messages through
 * the WeChat API with one shared access token. Wire facts: docs/contract.md, "Wire facts".
 */
package org.hotlinehub.connectors.wechat;
