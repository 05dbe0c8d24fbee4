package org.lianban.identity;

import org.lianban.H2Test;

@H2Test
class UserAdminApiH2Test extends UserAdminApiContract {}
