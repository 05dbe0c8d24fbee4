package org.lianban.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.lianban.common.Level;
import org.lianban.common.TableLock;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The region tree is reference data, loaded in every profile: on first start the shipped file fills the table, then
 * the table is read once into memory. Building the bean does this, so any module that injects {@link Regions} sees
 * the whole tree from its own start-up on. Nodes starting together on an empty database load it once: the load holds
 * a {@link TableLock} on {@code region} and re-checks that the table is still empty.
 */
@Configuration(proxyBeanMethods = false)
class RegionConfig {

    static final String FILE = "data/shanxi-regions.csv";

    private static final Logger log = LoggerFactory.getLogger(RegionConfig.class);

    @Bean
    Regions regions(JdbcClient jdbc, TransactionTemplate tx, TableLock lock) {
        loadShippedFileIfEmpty(jdbc, tx, lock);
        List<Region> all = jdbc.sql("select code, name, level, parent_code from region")
                .query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"),
                        Level.parse(rs.getString("level")), rs.getString("parent_code")))
                .list();
        return new RegionTree(all);
    }

    /** Fills an empty {@code region} table from the shipped file; returns whether this call loaded it. */
    static boolean loadShippedFileIfEmpty(JdbcClient jdbc, TransactionTemplate tx, TableLock lock) {
        if (count(jdbc) > 0) {
            return false;
        }
        List<Region> rows = readShippedFile();
        Boolean loaded = tx.execute(s -> {
            lock.exclusive("region");
            if (count(jdbc) > 0) {
                return false;
            }
            rows.stream()
                    .sorted((a, b) -> Integer.compare(a.level().ordinal(), b.level().ordinal()))
                    .forEach(r -> jdbc.sql("insert into region (code, name, level, parent_code) values (?, ?, ?, ?)")
                            .params(r.code(), r.name(), r.level().name(), r.parentCode())
                            .update());
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Loaded {} regions from {}", rows.size(), FILE);
        } else {
            log.info("Another node loaded the regions at the same time");
        }
        return Boolean.TRUE.equals(loaded);
    }

    private static int count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from region").query(Integer.class).single();
    }

    private static List<Region> readShippedFile() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return RegionCsv.read(in, FILE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + FILE, e);
        }
    }
}
