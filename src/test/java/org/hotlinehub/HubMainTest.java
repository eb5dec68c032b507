package org.hotlinehub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which embedded runs get the demo users and API clients (config/demo-access): only those with the demo district. */
class HubMainTest {

    @Test
    void shouldLoadDemoUsersWhenTheDemoDistrictIsLoaded() {
        assertTrue(HubMain.withDemoDistrict(Optional.empty()), "the default is config/demo");
        assertTrue(HubMain.withDemoDistrict(Optional.of("config/demo,my-partners.yaml")));
        assertTrue(HubMain.withDemoDistrict(Optional.of(" my-partners.yaml , ./config/demo/")));
    }

    @Test
    void shouldNotLoadDemoUsersWhenOwnDistrictIsLoaded() {
        // the demo users name demo partners (OC-TPJ …) that my-district.yaml does not have: the start failed
        assertFalse(HubMain.withDemoDistrict(Optional.of("my-district.yaml")));
        assertFalse(HubMain.withDemoDistrict(Optional.of("districts/laoshan,config/demo-extra.yaml")));
    }
}
