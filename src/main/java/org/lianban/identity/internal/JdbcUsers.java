package org.lianban.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.Users;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Users in {@code app_user}; the level of a user is the level of their region. */
@Component
class JdbcUsers implements Users, UserDetailsService {

    private static final String COLUMNS = "username, display_name, role, region_code, password_hash, enabled";

    private final JdbcClient jdbc;
    private final Regions regions;

    JdbcUsers(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Override
    public Optional<CurrentUser> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ? and enabled")
                .param(username).query(this::details).optional().map(AppUserDetails::toCurrentUser);
    }

    @Override
    public List<CurrentUser> officials(String regionCode, Role role) {
        return jdbc.sql("select " + COLUMNS + " from app_user where region_code = ? and role = ? and enabled"
                        + " order by username")
                .param(regionCode).param(role.name()).query(this::details).list().stream()
                .map(AppUserDetails::toCurrentUser).toList();
    }

    @Override
    public AppUserDetails loadUserByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?")
                .param(username).query(this::details).optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user."));
    }

    AppUserDetails details(ResultSet rs, int row) throws SQLException {
        String regionCode = rs.getString("region_code");
        Level level = regionCode == null ? null : regions.find(regionCode).map(Region::level).orElse(null);
        CurrentUser user = new CurrentUser(rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), regionCode, level);
        return new AppUserDetails(user, rs.getString("password_hash"), rs.getBoolean("enabled"));
    }
}
