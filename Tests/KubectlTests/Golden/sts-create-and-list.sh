# Sections 2.5.1-2.5.2: a headless Service and a StatefulSet whose pods come up one by one, each with its own claim.
kubectl apply -f stateful-demo.yaml
kubectl get pods -w
kubectl get svc
kubectl get sts
kubectl get pvc
kubectl get pv
kubectl get pods
kubectl get sc
kubectl get sts -o wide
kubectl get pvc -o wide
kubectl describe sts myapp
kubectl describe pvc myappdata-myapp-0
kubectl get controllerrevisions
kubectl get pod myapp-1 -o jsonpath='{.spec.hostname}.{.spec.subdomain} {.metadata.labels}{"\n"}'
