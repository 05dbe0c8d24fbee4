/** Statistics and supervision (电子监察): counts, working days, on-time rate, bottlenecks. */
package org.lianban.stats;
