/**
 * What runs on the servers: the jobs of cluster steps, the operations they apply, and how inputs,
 * outcomes and state are encoded in the streamz caches. Peer class loading ships these classes.
 */
package io.streamz.cluster.ignite.job;
