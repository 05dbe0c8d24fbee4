package org.lianban.region;

import org.lianban.common.Level;

/** An administrative division (行政区划), code per GB/T 2260. The province has no parent. */
public record Region(String code, String name, Level level, String parentCode) {}
