package dev.stepstream.examples.imagepipeline.dev;

import dev.stepstream.examples.imagepipeline.ImagePipelineWorkers;
import dev.stepstream.server.dev.DevContext;
import dev.stepstream.server.dev.DevExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Plugs the image pipeline into {@code stepstream dev} (registered in
 * {@code META-INF/services/dev.stepstream.server.dev.DevExtension}): registers the state machine,
 * runs its three workers with images under {@code <data dir>/images}, and offers a sample execution.
 * The server is a {@code provided} dependency: the launcher jar supplies it, the workers run without it.
 */
public final class ImagePipelineDevExtension implements DevExtension {

  @Override
  public Started start(DevContext context) {
    ExampleImagePipeline example = new ExampleImagePipeline(context.bootstrapServers(), context.topics(),
        context.region(), context.account());
    example.register();
    Path images = context.dataDir().resolve("images");
    ImagePipelineWorkers workers = ImagePipelineWorkers.start(context.bootstrapServers(), context.topics().prefix(), images);
    return new Started() {
      @Override
      public List<Row> report() {
        return List.of(new Row("Example", example.stateMachineArn()),
            new Row("Workers", String.join(", ", ImagePipelineWorkers.TASKS) + " (images in " + images + ")"));
      }

      @Override
      public Optional<Sample> sample() {
        return Optional.of(timeout -> example.runSample(context.dataDir().resolve("samples"), timeout));
      }

      @Override
      public void close() {
        workers.close();
      }
    };
  }
}
