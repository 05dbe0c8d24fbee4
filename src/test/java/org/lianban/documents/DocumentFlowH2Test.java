package org.lianban.documents;

import org.lianban.H2Test;

@H2Test
class DocumentFlowH2Test extends DocumentFlowContract {}
