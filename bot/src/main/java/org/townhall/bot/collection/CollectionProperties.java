package org.townhall.bot.collection;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the council's bin collection rounds come from, and what to say about postcodes outside
 * them.
 *
 * @param roundsFile a rounds CSV file (see README); when null, the demo council's file
 * @param councilName the council's name as residents know it
 * @param findCouncilUrl where a resident whose postcode is not ours can find their own council
 */
@ConfigurationProperties("townhall.collections")
record CollectionProperties(Path roundsFile, String councilName, URI findCouncilUrl) {}
