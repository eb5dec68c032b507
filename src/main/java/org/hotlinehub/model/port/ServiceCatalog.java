package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.ServiceDefinition;

/** The active catalog as a list of services with their custom attributes (Open311 services, service definitions). */
public interface ServiceCatalog {

    List<ServiceDefinition> services();

    Optional<ServiceDefinition> service(String code);
}
