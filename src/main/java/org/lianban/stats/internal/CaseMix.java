package org.lianban.stats.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.Level;
import org.lianban.region.Region;
import org.lianban.region.Regions;

/**
 * What simulated cases are made of: the working days of the period, the demo counties (uniformly) and the demo
 * catalog's county-filed matters (skewed: a few are filed often, the province's own matters more than the counties').
 */
public final class CaseMix {

    final List<LocalDate> days;
    final List<Region> counties;
    final List<MatterVersion> matters;
    private final double[] weights;
    private final PlanGenerator generator;

    public CaseMix(LocalDate from, LocalDate to, long seed, WorkingCalendar calendar, Regions regions, Catalog catalog) {
        this.days = from.datesUntil(to.plusDays(1)).filter(calendar::isWorkingDay).toList();
        this.counties = regions.all().stream().filter(x -> x.level() == Level.COUNTY).toList();
        this.matters = catalog.current().stream()
                .filter(m -> m.filingLevels().contains(Level.COUNTY) && !m.steps().isEmpty()).toList();
        this.weights = weights(matters, new Random(seed));
        this.generator = new PlanGenerator(calendar, regions);
    }

    public Plan next(Random rnd) {
        MatterVersion m = matters.get(pick(weights, rnd));
        String county = counties.get(rnd.nextInt(counties.size())).code();
        return generator.plan(m, county, days.get(rnd.nextInt(days.size())), rnd);
    }

    private static double[] weights(List<MatterVersion> matters, Random rnd) {
        double[] w = new double[matters.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double level = switch (matters.get(i).decidingLevel()) {
                case PROVINCE -> 5;
                case CITY -> 3;
                case COUNTY -> 2;
            };
            w[i] = level * Math.pow(rnd.nextDouble(), 2);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    private static int pick(double[] weights, Random rnd) {
        double x = rnd.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
