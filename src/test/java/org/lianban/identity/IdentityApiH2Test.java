package org.lianban.identity;

import org.lianban.H2Test;

@H2Test
class IdentityApiH2Test extends IdentityApiContract {}
