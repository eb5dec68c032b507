package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ResidentRepository implements PanacheRepository<ResidentEntity> {

    public Optional<ResidentEntity> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    public Optional<ResidentEntity> findByWechatOpenid(String openid) {
        return find("wechatOpenid", openid).firstResultOptional();
    }
}
