/**
 * Shared kernel: the enumerations every module speaks (levels, roles), the API error type, the clock.
 * Kept deliberately small; anything with behaviour of its own belongs in a feature module.
 */
package org.lianban.common;
