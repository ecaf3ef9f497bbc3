package com.example.castpanel.engine.internal;

import java.util.List;
import java.util.Set;

import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's one service. STEP 1 of the guide: name your engine type and describe its settings;
 * the panel validates them and renders them in forms without knowing your plugin.
 */
@Component(service = EngineFactory.class)
public class ExampleEngineFactory implements EngineFactory {

    static final String TYPE = "example";

    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;

    @Activate
    public ExampleEngineFactory(final @Reference ProcessSupervisor supervisor, final @Reference PortAllocator ports) {
        this.supervisor = supervisor;
        this.ports = ports;
    }

    @Override
    public List<EngineType> engineTypes() {
        return List.of(EngineType.server(TYPE, "Example engine", MediaKind.AUDIO, Set.of(),
                List.of(ConfigField.text("greeting", "Greeting", false, 100, "Written into the config file"))));
    }

    @Override
    public EngineHandler createHandler(ServiceContext context, EngineCallback callback) {
        return new ExampleEngineHandler(context, supervisor, ports);
    }
}
