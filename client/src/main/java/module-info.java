/**
 * What the typed clients Weft's processor generates ({@code <Api>Client}) call: one
 * {@link dev.weft.client.WeftClient} per server, and {@link dev.weft.client.ProblemException} for
 * its error answers.
 */
module dev.weft.client {
    requires transitive java.net.http;
    requires transitive io.avaje.jsonb;

    exports dev.weft.client;
}
