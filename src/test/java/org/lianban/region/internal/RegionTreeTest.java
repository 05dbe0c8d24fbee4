package org.lianban.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianban.common.ApiException;
import org.lianban.common.Level;
import org.lianban.region.Region;
import org.springframework.http.HttpStatus;

class RegionTreeTest {

    static RegionTree shipped() throws IOException {
        try (InputStream in = RegionTreeTest.class.getResourceAsStream("/data/shanxi-regions.csv")) {
            return new RegionTree(RegionCsv.read(in, "shanxi-regions.csv"));
        }
    }

    final RegionTree tree = shipped();

    RegionTreeTest() throws IOException {}

    @Test
    void shippedFileHoldsTheProvinceElevenCitiesAnd117Counties() {
        assertThat(tree.all()).hasSize(129);
        assertThat(tree.province().code()).isEqualTo("140000");
        assertThat(tree.province().name()).isEqualTo("山西省");
        assertThat(tree.all().stream().filter(r -> r.level() == Level.CITY)).hasSize(11);
        assertThat(tree.all().stream().filter(r -> r.level() == Level.COUNTY)).hasSize(117);
    }

    @Test
    void childrenAreOrderedByCode() {
        assertThat(tree.children("140100")).extracting(Region::code).containsExactly(
                "140105", "140106", "140107", "140108", "140109", "140110", "140121", "140122", "140123", "140181");
        assertThat(tree.children("140000")).hasSize(11).first().extracting(Region::name).isEqualTo("太原市");
    }

    @Test
    void countiesAndUnknownCodesHaveNoChildren() {
        assertThat(tree.children("140105")).isEmpty();
        assertThat(tree.children("999999")).isEmpty();
        assertThat(tree.children(null)).isEmpty();
    }

    @Test
    void ancestorAtWalksUpToTheRequestedLevel() {
        assertThat(tree.ancestorAt("140105", Level.COUNTY)).map(Region::code).hasValue("140105");
        assertThat(tree.ancestorAt("140105", Level.CITY)).map(Region::code).hasValue("140100");
        assertThat(tree.ancestorAt("140105", Level.PROVINCE)).map(Region::code).hasValue("140000");
        assertThat(tree.ancestorAt("140100", Level.CITY)).map(Region::code).hasValue("140100");
        assertThat(tree.ancestorAt("140100", Level.PROVINCE)).map(Region::code).hasValue("140000");
    }

    @Test
    void ancestorAtALowerLevelOrOfAnUnknownCodeIsEmpty() {
        assertThat(tree.ancestorAt("140100", Level.COUNTY)).isEmpty();
        assertThat(tree.ancestorAt("140000", Level.CITY)).isEmpty();
        assertThat(tree.ancestorAt("999999", Level.PROVINCE)).isEmpty();
    }

    @Test
    void isWithinIncludesItselfAndEveryAncestorButNotSiblings() {
        assertThat(tree.isWithin("140105", "140105")).isTrue();
        assertThat(tree.isWithin("140105", "140100")).isTrue();
        assertThat(tree.isWithin("140105", "140000")).isTrue();
        assertThat(tree.isWithin("140105", "140200")).isFalse();
        assertThat(tree.isWithin("140105", "140106")).isFalse();
        assertThat(tree.isWithin("140100", "140105")).isFalse();
        assertThat(tree.isWithin("999999", "140000")).isFalse();
    }

    @Test
    void requireOfAnUnknownCodeIsNotFound() {
        assertThat(tree.require("140181").name()).isEqualTo("古交市");
        assertThatThrownBy(() -> tree.require("140199"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void aBadFileFailsWithEveryBadLineNumbered() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"code", "name", "level", "parent_code"});
        lines.add(new String[] {"140000", "山西省", "province", ""});
        lines.add(new String[] {"140100", "太原市", "city", "140000"});
        lines.add(new String[] {"14010", "短码", "county", "140100"});        // line 4: 5 digits
        lines.add(new String[] {"140105", "小店区", "town", "140100"});       // line 5: unknown level
        lines.add(new String[] {"140106", "迎泽区", "county", "140000"});     // line 6: parent two levels up
        lines.add(new String[] {"140107", "杏花岭区", "county", "140900"});   // line 7: parent missing
        lines.add(new String[] {"140100", "太原市", "city", "140000"});       // line 8: duplicate of line 3
        assertThatThrownBy(() -> RegionCsv.parse(lines, "bad.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 4: code '14010' is not 6 digits")
                .hasMessageContaining("line 5: level 'town'")
                .hasMessageContaining("line 6: a COUNTY must have a CITY as parent")
                .hasMessageContaining("line 7: parent_code '140900' is not a region")
                .hasMessageContaining("line 8: code 140100 already appears on line 3");
    }
}
