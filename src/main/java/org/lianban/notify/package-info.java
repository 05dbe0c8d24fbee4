/** SMS outbox and gateways (log, SMPP, HTTP); in-app notices and deadline warnings for officials. */
package org.lianban.notify;
