package org.lianban.common;

import org.lianban.H2Test;

@H2Test
class WriteBehindH2Test extends WriteBehindContract {}
