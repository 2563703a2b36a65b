package io.github.m365kit.graph;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import java.util.function.Consumer;

/** Follows {@code @odata.nextLink} with the SDK's {@link PageIterator}, keeping visitor and service errors apart. */
final class GraphPaging {
  private GraphPaging() {}

  /**
   * Visits every item of a collection, page by page; only one page is held at a time.
   *
   * @param graph the client
   * @param first the first page, already fetched
   * @param factory the page type's factory
   * @param visitor receives each item; an exception it throws stops the iteration and is rethrown unchanged
   * @param operation for error messages
   * @param <T> the item type
   * @param <P> the page type
   */
  static <T extends Parsable, P extends Parsable & AdditionalDataHolder> void forEach(
      GraphServiceClient graph, P first, ParsableFactory<P> factory, Consumer<T> visitor, String operation) {
    RuntimeException[] fromVisitor = new RuntimeException[1];
    try {
      new PageIterator.Builder<T, P>()
          .client(graph)
          .collectionPage(first)
          .collectionPageFactory(factory)
          .processPageItemCallback(item -> {
            try {
              visitor.accept(item);
              return true;
            } catch (RuntimeException e) {
              fromVisitor[0] = e;
              return false;
            }
          })
          .build()
          .iterate();
    } catch (ReflectiveOperationException e) {
      throw new io.github.m365kit.BackendException("graph", "client", operation + ": the SDK could not page: " + e, e);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, operation, "collection", operation);
    }
    if (fromVisitor[0] != null) {
      throw fromVisitor[0];
    }
  }
}
