// Drives Bentley's @itwin/imodels-client-management, unchanged, against a running Recents service, and prints what
// it got back as JSON. Usage: node check.js BASE_URL TOKEN ITWIN_ID IMODEL_ID...
const { IModelsClient } = require("@itwin/imodels-client-management");

const [baseUrl, token, iTwinId, ...iModelIds] = process.argv.slice(2);
const client = new IModelsClient({ api: { baseUrl } });
const authorization = async () => ({ scheme: "Bearer", token });

async function collect(iterator, describe) {
  const items = [];
  for await (const item of iterator) items.push(describe(item));
  return items;
}

(async () => {
  const minimal = (operations, $top) =>
    collect(operations.getMinimalList({ authorization, urlParams: { iTwinId, $top } }), item => item.id);
  const representation = (operations, $top) =>
    collect(operations.getRepresentationList({ authorization, urlParams: { iTwinId, $top } }), item => `${item.id} ${item.name}`);

  for (const iModelId of iModelIds) await client.recentIModels.add({ authorization, iModelId });
  for (const iModelId of iModelIds) await client.favoriteIModels.add({ authorization, iModelId });
  await client.favoriteIModels.add({ authorization, iModelId: iModelIds[0] }); // already a favorite: keeps its place

  const result = {
    recentsMinimal: await minimal(client.recentIModels, 2),
    recentsRepresentation: await representation(client.recentIModels, 1),
    favoritesMinimal: await minimal(client.favoriteIModels, 2),
    favoritesRepresentation: await representation(client.favoriteIModels, 1),
  };
  await client.recentIModels.remove({ authorization, iModelId: iModelIds[0] });
  await client.favoriteIModels.remove({ authorization, iModelId: iModelIds[0] });
  result.recentsAfterRemove = await minimal(client.recentIModels);
  result.favoritesAfterRemove = await minimal(client.favoriteIModels);
  console.log(JSON.stringify(result));
})().catch(error => {
  console.error(error);
  process.exit(1);
});
