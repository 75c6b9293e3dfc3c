package io.streamz.cluster.internal.job;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * What every job the driver ships has in common, whatever it computes: Ignite injects the node it
 * runs on, from which {@link #site()} gives the caches and codec, and Ignite writes it with its
 * optimized marshaller. Subclasses hold only what their own job needs.
 */
abstract class ClusterJob implements IgniteCallable<JobResult> {
    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    ClusterJob() {
    }

    /** What the job uses on the server it runs on; made on the job's thread, for this call. */
    final JobSite site() {
        return new JobSite(ignite, getClass());
    }

    // Custom serialization makes Ignite write every job with its optimized marshaller (it looks for these
    // hooks up the class hierarchy), which keeps no cluster-wide schema of the job's class: a server that
    // met another streamz version of it still accepts this one.
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
    }
}
