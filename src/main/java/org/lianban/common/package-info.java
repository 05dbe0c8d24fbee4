/**
 * Shared kernel: the enumerations every module speaks (levels, roles), the API error type, the clock, file storage
 * ({@link org.lianban.common.FileStore}) and the identifier validators ({@link org.lianban.common.IdNumbers},
 * {@link org.lianban.common.PhoneNumbers}), cross-node table locks ({@link org.lianban.common.TableLock}), which
 * database this is ({@link org.lianban.common.Databases}), the batches of the modules' event listeners
 * ({@link org.lianban.common.ListenerBatches}), writes held until the commit and sent together
 * ({@link org.lianban.common.WriteBehind}) and statement parameters typed when null
 * ({@link org.lianban.common.SqlParams}).
 * Kept deliberately small; anything with behaviour of its own belongs in a feature module.
 */
package org.lianban.common;
